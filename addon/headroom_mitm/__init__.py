"""headroom-mitm: an embedded mitmproxy that compresses, meters and audits what AI coding agents send."""

__version__ = "0.1.0"
