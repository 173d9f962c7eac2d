"""The workspace's forms: parse and check input; the views hand it to the services."""
