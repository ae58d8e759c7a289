"""`python -m claimwatch` is the `claimwatch` command."""

from .cli import main

main()
