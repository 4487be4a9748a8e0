"""Editorial."""
