"""Nothing to register: the dashboard has no models."""
