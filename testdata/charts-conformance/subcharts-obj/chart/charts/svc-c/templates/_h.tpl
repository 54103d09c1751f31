{{- define "svc-c.url" -}}
http://{{ .Release.Name }}-{{ .Chart.Name }}:{{ .Values.port }}
{{- end -}}
