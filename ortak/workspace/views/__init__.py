"""The editor workspace: thin views over the services and selectors, after sign-in."""
