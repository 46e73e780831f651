"""Writers turn a drafter.model.Document into a file format. They know nothing of Jinja."""
