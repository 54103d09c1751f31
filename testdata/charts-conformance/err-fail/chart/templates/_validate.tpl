{{- define "failing.validate" -}}
{{- if eq .Values.mode "legacy" -}}
{{- fail (printf "mode %q is no longer supported; use \"modern\"" .Values.mode) -}}
{{- end -}}
{{- end -}}
