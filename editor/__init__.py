"""Newsdesk: a desktop editorial workstation for multilingual news."""

__version__ = "0.1.0"
