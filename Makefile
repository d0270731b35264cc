# oferta — the two commands a new developer needs:
#   make site   build the example school (this repository) into public/
#   make test   vet, unit/integration/browser tests, HTML, SARIF and Atom validation
GO      ?= go
TOOLS   := .ci/node_modules
VNU     := $(TOOLS)/vnu-jar/build/dist/vnu.jar
SARIF   := $(TOOLS)/@microsoft/sarif-multitool-linux/Sarif.Multitool
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: site test preflight browser-note vet unit html feed tools bench bench-go bench-site bench-targets fuzz clean oferta screenshots fonts dist schema

oferta:
	$(GO) build -ldflags "$(LDFLAGS)" -o oferta ./cmd/oferta

# Go compiles oferta first: on a fresh clone that takes a minute, so say so.
site:
	@echo "make site: compiling oferta (about a minute on a fresh clone), then building the example school into public/"
	@$(GO) run -ldflags "$(LDFLAGS)" ./cmd/oferta build

test: preflight vet unit html feed
	@$(MAKE) --no-print-directory browser-note

# What the tests need, checked before anything runs, naming the Debian
# package to install. Without Chromium the browser tests are skipped on a
# laptop (one loud line here and again at the end) and fail in CI.
preflight:
	@missing=""; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v jing >/dev/null 2>&1 || missing="$$missing jing"; \
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

# Every page of the example site and of its German and Romanian sisters
# (examples/de, examples/ro) must pass the Nu HTML Checker with zero errors.
html: tools
	rm -rf .ci/public .ci/public-de .ci/public-ro
	$(GO) run ./cmd/oferta build -q -d .ci/public
	$(GO) run ./cmd/oferta build -q -s examples/de -d .ci/public-de
	$(GO) run ./cmd/oferta build -q -s examples/ro -d .ci/public-ro
	java -jar $(VNU) --errors-only --skip-non-html .ci/public .ci/public-de .ci/public-ro
	@echo "vnu: every page of the example sites is valid HTML"

# The example site's feed.xml must be valid Atom (RFC 4287): jing (Debian
# package jing) checks it against .ci/atom.rnc, and must reject a feed
# whose entry lacks its id, so the check is known to bite.
JING ?= jing
feed: html
	@command -v $(JING) >/dev/null || { echo "jing is missing: apt-get install jing"; exit 1; }
	$(JING) -c .ci/atom.rnc .ci/public/feed.xml .ci/public-de/feed.xml .ci/public-ro/feed.xml 2>/dev/null
	@if $(JING) -c .ci/atom.rnc .ci/testdata/feed-no-id.xml >/dev/null 2>&1; then echo "jing accepted an invalid feed"; exit 1; fi
	@echo "jing: feed.xml is valid Atom"

# Performance: the Go benchmarks, then oferta against Hugo on synthetic
# sites of 100, 1,000 and 10,000 courses (one table, then issue 17's
# targets met or missed with the CPU profile of each missed one; also
# written to .bench/results.md; installs Debian's hugo when it is
# missing). bench-targets measures only the targets, once, at 10,000
# courses (about 5 minutes on an idle machine instead of 25). See the
# Performance section of README.md.
bench: bench-go bench-site

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

bench-site:
	$(GO) run ./cmd/benchsite bench -work .bench

bench-targets:
	$(GO) run ./cmd/benchsite bench -work .bench -targets-only -runs 1

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseEval -fuzztime 60s ./generator/expr
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 60s -fuzzminimizetime 200x ./generator/site

# Pictures of every kind of page of the example site as a phone (390 px),
# a desktop (1280 px) and its A4 print (first two pages), into
# .screenshots/; needs Chromium, and pdftoppm (poppler-utils) for print.
screenshots:
	$(GO) run ./cmd/screenshots -o .screenshots

# The theme's bundled fonts, subset from Debian's fonts-noto-core with
# python3-fonttools (see README "Fonts"). The result is committed; run
# this only to change the characters covered.
FONT_SRC   ?= /usr/share/fonts/truetype/noto
# Debian's python3 has python3-fonttools; a pyenv python on the PATH may not.
PYTHON     ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
FONT_CHARS := U+0020-007E,U+00A0-017F,U+0218-021B,U+02C6,U+02DA,U+02DC,U+0400-045F,U+0490-0491,U+1E9E,U+2002-200B,U+2010-2027,U+202F,U+2030-203A,U+2044,U+20AC,U+20BD,U+2116,U+2122,U+2190-2193,U+2212,U+2713,U+2714,U+FEFF
FONT_DIR   := themes/default/assets/fonts
fonts:
	@for f in NotoSans-Regular NotoSans-Bold NotoSerif-Regular NotoSerif-Bold NotoSerif-Italic; do \
	  $(PYTHON) -m fontTools.subset $(FONT_SRC)/$$f.ttf --unicodes="$(FONT_CHARS)" \
	    --layout-features='kern,liga,clig,calt,locl,ccmp,mark,mkmk,case,tnum,lnum,pnum' \
	    --flavor=woff2 --no-hinting --desubroutinize --output-file=$(FONT_DIR)/$$f.woff2 || exit 1; done
	$(PYTHON) -m fontTools.subset $(FONT_SRC)/NotoSansMath-Regular.ttf --unicodes="U+2190-2193,U+2212" \
	  --layout-features='' --flavor=woff2 --no-hinting --desubroutinize --output-file=$(FONT_DIR)/NotoSansMath-Arrows.woff2

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
	rm -rf public .ci/public .ci/public-de .ci/public-ro oferta .bench .screenshots dist
