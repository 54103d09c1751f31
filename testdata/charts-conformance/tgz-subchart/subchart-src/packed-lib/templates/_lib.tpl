{{- define "packedlib.banner" -}}
banner for {{ .Chart.Name }} {{ .Chart.Version }}
{{- end -}}
