# planpress — `make` installs what is missing, builds, and generates output/ from content/;
# `make test` builds and runs every test. See README.md.

JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo

# Debian 12 packages: the toolchain, the libraries planpress links (cmark-gfm, nlohmann/json, libharu,
# ICU; libxlsxwriter, libzip and expat for the sheets; cpp-httplib for planpress serve), Catch2 for the tests, the IPAex fonts for the PDFs
# (and Droid Sans Fallback for the few characters IPAex lacks, such as 发 in the real content) and the
# tools the tests use to read PDFs.
PACKAGES := cmake g++ make pkg-config \
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libhpdf-dev libicu-dev catch2 \
  libxlsxwriter-dev libzip-dev libexpat1-dev libcpp-httplib-dev \
  fonts-ipaexfont fonts-droid-fallback poppler-utils qpdf chromium

# Packages only the tests need: openpyxl edits exported sheets as an independent writer (tests/sheets).
TEST_PACKAGES := python3-openpyxl

# `make fuzz` alone needs clang and its libFuzzer runtime (Debian 12: clang-14, libclang-rt-14-dev).
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 2
SANITIZE_DIR ?= build-sanitize

.PHONY: all deps test-deps fuzz-deps browser-deps configure compile site test test-sanitize fuzz check bench clean

all: site

# install_missing(packages): installs the Debian packages that are not installed yet (as root; otherwise
# prints the apt-get command and fails).
define install_missing
	@missing=""; \
	for p in $(1); do \
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
endef

deps:
	$(call install_missing,$(PACKAGES))

test-deps: deps
	$(call install_missing,$(TEST_PACKAGES))

fuzz-deps: deps
	$(call install_missing,$(FUZZ_PACKAGES))

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

# The unit, diagnostic, CLI, golden and fuzz-replay tests with every module built under AddressSanitizer and
# UndefinedBehaviorSanitizer (in $(SANITIZE_DIR)/, apart from build/). The node and browser tests are left
# out: they test the pages and PDFs, which the CLI tests already build under the sanitizers.
# SANITIZE_LABELS='^(unit|diagnostics|cli)$$' runs only the tests with those ctest labels (CI does).
test-sanitize: test-deps
	cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DPLANPRESS_SANITIZE=ON
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) $(if $(SANITIZE_LABELS),-L '$(SANITIZE_LABELS)',-E '^(browser:|search:|site-for-browser$$|golden-fragments$$|pdf$$)')

# Fuzzing with libFuzzer (clang) and ASan+UBSan, in $(FUZZ_DIR)/: every target of tests/fuzz for
# FUZZ_SECONDS seconds, FUZZ_JOBS at a time, from a corpus seeded with the real content (tests/fuzz/run.sh).
fuzz: fuzz-deps
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DPLANPRESS_FUZZ=ON
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzz_json fuzz_markdown fuzz_mustache fuzz_search_normalize fuzz_line_break fuzz_workbook
	tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_JOBS)

# The PDF benchmark (not a test: performance is shown by the benchmark, never asserted by a test).
bench: compile
	node bench/pdf/run.js $(BUILD_DIR)/planpress

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR) output output.planpress-staging* .output.planpress-lock
