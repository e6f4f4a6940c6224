"""Tests that look at Masthead from the outside (tests/browser: real Chromium,
the Nu Html Checker and axe-core). App tests live beside their apps; the
shared fixtures are in the repository's root conftest.py."""
