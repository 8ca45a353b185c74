#!/bin/sh
echo "shell says: $*"
