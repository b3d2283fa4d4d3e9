"""The project's own benchmark (`make bench`): seed, serve with gunicorn, measure with wrk/locust.

Never imported by the product: its settings module layers a reference view over production.
"""
