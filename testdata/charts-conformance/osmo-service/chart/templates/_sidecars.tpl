{{- define "osmo.envoy-sidecar-container" -}}
{{- if .Values.sidecars.envoy.enabled }}
- name: envoy
  image: {{ .Values.sidecars.envoy.image }}
  args:
    - -c
    - /var/config/config.yaml
    - --log-level
    - {{ .Values.global.logs.logLevel | lower }}
  ports:
    - name: envoy-http
      containerPort: {{ .Values.sidecars.envoy.listenerPort }}
  volumeMounts:
    - name: envoy-config
      mountPath: /var/config
{{- end }}
{{- end }}

{{- define "osmo.log-agent-sidecar-container" -}}
{{- if and .Values.sidecars.logAgent.enabled .Values.global.logs.enabled }}
- name: log-agent
  image: fluent/fluent-bit:2.2
  volumeMounts:
    - name: log-agent-config
      mountPath: /fluent-bit/etc
{{- end }}
{{- end }}

{{- define "osmo.envoy-volumes" -}}
{{- if .Values.sidecars.envoy.enabled }}
- name: envoy-config
  configMap:
    name: {{ .Values.services.service.serviceName }}-envoy-config
{{- end }}
{{- end }}
