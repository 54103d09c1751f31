{{- define "svc-b.url" -}}
http://{{ .Release.Name }}-{{ .Chart.Name }}:{{ .Values.port }}
{{- end -}}
