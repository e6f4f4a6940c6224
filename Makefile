# The two commands of the README, and a few more for development.
.PHONY: demo check test test-sqlite test-postgres lint format messages serve bench soak

demo:            ## set up and run the demo site on http://127.0.0.1:8000/ (LANGUAGES=de,en,fr,ar for more)
	scripts/demo.sh $(if $(LANGUAGES),--languages $(LANGUAGES))

check:           ## a newcomer's first command: the tests on SQLite, without root or system packages
	scripts/bootstrap.sh requirements-dev.txt
	env -u DATABASE_URL -u REDIS_URL .venv/bin/pytest -p no:cacheprovider -q \
		-m "not browser" --skip-missing-programs masthead tests/test_guardrails.py

test:            ## set up and run the whole test suite (SQLite, then PostgreSQL + Redis)
	scripts/test.sh

test-sqlite:
	MASTHEAD_TEST_ONLY=sqlite scripts/test.sh

test-postgres:
	MASTHEAD_TEST_ONLY=postgres scripts/test.sh

lint:
	scripts/bootstrap.sh requirements-dev.txt
	.venv/bin/ruff check masthead tests conftest.py
	.venv/bin/ruff format --check masthead tests conftest.py
	.venv/bin/mypy

format:
	.venv/bin/ruff format masthead tests conftest.py
	.venv/bin/ruff check --fix masthead tests conftest.py

messages:        ## extract strings into the .po files and compile them
	scripts/bootstrap.sh requirements-dev.txt
	cd masthead && MASTHEAD_VAR_DIR=../var ../.venv/bin/masthead makemessages --all --no-obsolete --no-location --ignore='demo/content.py'
	cd masthead && MASTHEAD_VAR_DIR=../var ../.venv/bin/masthead makemessages --all --domain djangojs --no-obsolete --no-location
	.venv/bin/masthead compilemessages --ignore='.venv'

serve:           ## production server (set DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS …)
	scripts/bootstrap.sh requirements.txt
	.venv/bin/masthead serve

bench:           ## benchmarks: wrk against `masthead serve` and nginx, SQLite and PostgreSQL (bench/run.sh)
	scripts/bootstrap.sh requirements.txt
	bench/run.sh

soak:            ## ten minutes of readers and desk saves: two servers behind Varnish, PostgreSQL, Redis (bench/soak.sh)
	scripts/bootstrap.sh requirements.txt
	bench/soak.sh
