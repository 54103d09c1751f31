#!/bin/sh
echo "starting {{ .Values.greeting }}"
exec /app/run
