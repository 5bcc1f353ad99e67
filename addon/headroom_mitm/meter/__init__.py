"""Stages 5-6, meter: usage read on the side of each LLM response, one record per flow, live totals."""
