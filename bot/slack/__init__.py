"""Everything that speaks Slack's formats and Web API, and nothing that listens.

Owns Block Kit rendering (``blocks`` primitives, ``messages`` for articles, search results,
help and the App Home, ``digest_blocks``), mrkdwn escaping and limits (``text``), reading
what users type (``incoming``), the Web API client with its retries (``client``),
credential checks (``credentials``), the answer pool (``background``), the event dedupe
middleware, the digest publisher, the HTTP server, the Socket Mode client (``socket_mode``)
and channel membership for the App Home (``members``).

May import: ``bot.config``, ``bot.services``, ``bot.startup``, ``bot.lookup``,
``bot.digest``, ``storage``, slack-sdk/slack-bolt, websocket-client. Never ``handlers``:
the app is assembled in ``handlers.app``.
"""
