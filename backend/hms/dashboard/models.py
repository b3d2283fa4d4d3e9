"""The dashboard has no tables of its own: it reads the other apps through their selectors."""
