# oferta — the two commands a new developer needs:
#   make site   build the example school (this repository) into public/
#   make test   vet, unit/integration/browser tests, HTML and SARIF validation
GO      ?= go
TOOLS   := .ci/node_modules
VNU     := $(TOOLS)/vnu-jar/build/dist/vnu.jar
SARIF   := $(TOOLS)/@microsoft/sarif-multitool-linux/Sarif.Multitool
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: site test preflight browser-note vet unit html tools bench bench-go bench-site fuzz clean oferta dist schema

oferta:
	$(GO) build -ldflags "$(LDFLAGS)" -o oferta ./cmd/oferta

site:
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/oferta build

test: preflight vet unit html
	@$(MAKE) --no-print-directory browser-note

# What the tests need, checked before anything runs, naming the Debian
# package to install. Without Chromium the browser tests are skipped on a
# laptop (one loud line here and again at the end) and fail in CI.
preflight:
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "make test needs:$$missing (apt-get install -y$$missing)"; exit 1; fi
	@$(MAKE) --no-print-directory browser-note

browser-note:
	@if [ -z "$$OFERTA_CHROMIUM" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  if [ "$$CI" = "true" ]; then echo "*** Chromium not found: CI needs it for the browser tests (apt-get install -y chromium) ***"; exit 1; fi; \
	  echo "*** BROWSER TESTS SKIPPED: Chromium not found (apt-get install -y chromium) ***"; fi

vet:
	@unformatted=$$(gofmt -l cmd generator *.go); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# Validators come from npm, pinned in .ci/package.json.
$(VNU) $(SARIF): .ci/package.json
	cd .ci && npm install --no-audit --no-fund --loglevel=error
	@touch $(VNU) $(SARIF)

tools: $(VNU) $(SARIF)

unit: tools
	OFERTA_SARIF_MULTITOOL=$(CURDIR)/$(SARIF) $(GO) test -count=1 ./...

# Every page of the example site must pass the Nu HTML Checker with zero errors.
html: tools
	rm -rf .ci/public
	$(GO) run ./cmd/oferta build -q -d .ci/public
	java -jar $(VNU) --errors-only --skip-non-html .ci/public
	@echo "vnu: every page of the example site is valid HTML"

# Performance: the Go benchmarks, then oferta against Hugo on synthetic
# sites of 100, 1,000 and 10,000 courses (one table, also written to
# .bench/results.md; installs Debian's hugo when it is missing). See the
# Performance section of README.md.
bench: bench-go bench-site

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

bench-site:
	$(GO) run ./cmd/benchsite bench -work .bench

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseEval -fuzztime 60s ./generator/expr

# The JSON Schemas in schema/, regenerated from generator/site/keys.go
# (a test fails while they are stale).
schema:
	$(GO) run ./cmd/oferta schema

# Release binaries: a static oferta for each platform in dist/, named
# oferta_<version>_<os>_<arch>, and SHA256SUMS to check a download with
# `sha256sum -c --ignore-missing SHA256SUMS`.
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
dist:
	rm -rf dist && mkdir -p dist
	@set -e; for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=""; [ "$$os" = windows ] && ext=.exe; \
	  out=dist/oferta_$(VERSION)_$${os}_$${arch}$$ext; \
	  echo "$$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "-s -w $(LDFLAGS)" -o $$out ./cmd/oferta; \
	done
	cd dist && sha256sum oferta_* > SHA256SUMS
	@echo "dist/: $$(ls dist | wc -l) files; check one with: cd dist && sha256sum -c --ignore-missing SHA256SUMS"

clean:
	rm -rf public .ci/public oferta .bench dist
