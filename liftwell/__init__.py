"""Liftwell: a self-hosted strength-training and health tracker."""

__version__ = "0.1.0"
