"""Trust material for headroom-mitm: CA generation and the bundles agents are told to trust."""
