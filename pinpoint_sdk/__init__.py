"""A typed, async Python SDK for the Amazon Pinpoint API."""
