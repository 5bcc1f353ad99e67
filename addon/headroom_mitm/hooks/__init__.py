"""mitmproxy addons, thin by design: each turns mitmproxy objects into plain data and calls pure code.

They run in the order of `make_addons`, which is the order data flows in:
route → rules → compress → forward → meter → record.
"""
