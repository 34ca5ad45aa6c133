"""The HTTP API, web pages and CLI: the only package that knows about HTTP and the command line."""
