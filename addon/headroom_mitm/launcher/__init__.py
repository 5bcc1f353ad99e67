"""The launcher side: the command line, its subcommands, the embedded proxy, the agent's environment
and OpenCode's config. Nothing here runs inside a flow."""
