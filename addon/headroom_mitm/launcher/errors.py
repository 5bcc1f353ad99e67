"""Errors the user can fix: printed as one line, without a traceback."""


class UserError(RuntimeError):
    pass


class LaunchError(UserError):
    """The agent could not be started as asked."""


class ProxyStartError(UserError):
    """The proxy could not start (a port in use, a bad option)."""
