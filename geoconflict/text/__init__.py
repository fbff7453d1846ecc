"""The first step: a report's text, its normal forms and its dates.

:mod:`~geoconflict.text.report` reads a report (plain text, Markdown or HTML)
with its publication date, :mod:`~geoconflict.text.normalize` folds text for
matching and :mod:`~geoconflict.text.dates` finds the dates events are told with
(where they are: :mod:`~geoconflict.text.date_rules`).
"""
