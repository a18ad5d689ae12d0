# planpress — `make` installs what is missing, builds, and generates output/ from content/;
# `make test` builds and runs every test. See README.md.

JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo

# Debian 12 packages: the toolchain, the libraries planpress links (cmark-gfm, nlohmann/json, libharu,
# ICU; libxlsxwriter, libzip and expat for the sheets), Catch2 for the tests, the IPAex fonts for the PDFs
# (and Droid Sans Fallback for the few characters IPAex lacks, such as 发 in the real content) and the
# tools the tests use to read PDFs.
PACKAGES := cmake g++ make pkg-config \
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libhpdf-dev libicu-dev catch2 \
  libxlsxwriter-dev libzip-dev libexpat1-dev \
  fonts-ipaexfont fonts-droid-fallback poppler-utils qpdf chromium

# Packages only the tests need: openpyxl edits exported sheets as an independent writer (tests/sheets).
TEST_PACKAGES := python3-openpyxl

.PHONY: all deps test-deps browser-deps configure compile site test check bench clean

all: site

deps test-deps: WANTED = $(if $(filter test-deps,$@),$(TEST_PACKAGES),$(PACKAGES))
deps test-deps:
	@missing=""; \
	for p in $(WANTED); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing Debian packages. Install them as root with:"; \
	    echo "  sudo apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	fi

# Node.js runs the browser tests (playwright-core drives Debian's chromium; axe-core checks accessibility).
# A machine that already has node and npm (e.g. from NodeSource) keeps them; otherwise Debian's are installed.
browser-deps: deps
	@if ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages: nodejs npm"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; \
	  else \
	    echo "Node.js is missing. Install it as root with:"; echo "  sudo apt-get install -y nodejs npm"; exit 1; \
	  fi; \
	fi
	@cd tests/browser && if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund --loglevel=error; fi

configure: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

compile: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

site: compile
	./$(BUILD_DIR)/planpress build

check: compile
	./$(BUILD_DIR)/planpress check

test: compile browser-deps test-deps
	@[ -d ../shared ] || echo "note: no ../shared beside this checkout: the tests of the Mustache spec and the seed texts are reported as Skipped (ctest -V shows why)"
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The PDF benchmark (not a test: performance is shown by the benchmark, never asserted by a test).
bench: compile
	node bench/pdf/run.js $(BUILD_DIR)/planpress

clean:
	rm -rf $(BUILD_DIR) output output.planpress-staging
