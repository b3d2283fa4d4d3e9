"""Who may open the dashboard is declared in ROLE_MAP ("dashboard.retrieve"); each app's
selector scopes its own numbers to the viewer."""
