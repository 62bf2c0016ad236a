"""Slack listeners, one module per surface (commands, events, actions, views).

Listeners stay thin: parse the request, call a service from ``bot``, render the reply.
"""
