{{- define "router.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}
{{- define "router.envoy-sidecar-container" -}}
- name: envoy
  image: {{ .Values.sidecars.envoy.image | default "envoyproxy/envoy:v1.29.0" }}
  ports:
    - containerPort: {{ .Values.sidecars.envoy.listenerPort | default 8080 }}
{{- end }}
