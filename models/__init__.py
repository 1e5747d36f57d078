"""Shipped, trained models (package data). See each model folder's card.md."""
