#!/usr/bin/env node
import '../dist/bundle/speeches.js';
