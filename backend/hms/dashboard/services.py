"""The dashboard changes nothing; every state change lives in the app that owns the state."""
