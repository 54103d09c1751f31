{{- define "ws.labels" }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end }}
{{ define "ws.untrimmed" }}
  untrimmed: true
{{ end }}
