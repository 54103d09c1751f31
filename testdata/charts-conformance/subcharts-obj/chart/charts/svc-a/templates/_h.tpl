{{- define "svc-a.url" -}}
http://{{ .Release.Name }}-{{ .Chart.Name }}:{{ .Values.port }}
{{- end -}}
