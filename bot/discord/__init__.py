"""The Discord front end: thin cogs that parse an interaction, ask the engine, send the reply.

Nothing here decides what to answer (the engine does) or how a reply reads (bot.replies
does); this package only moves questions in and rendered replies out.
"""
