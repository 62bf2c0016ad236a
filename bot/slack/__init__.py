"""Everything that speaks Slack: app factory, Web API client, Block Kit rendering."""
