{{- define "envoy.admin" -}}
admin:
  address:
    socket_address: {address: 0.0.0.0, port_value: 9901}
{{- end }}
{{- define "envoy.jwt-filter" -}}
{{- if .Values.sidecars.envoy.jwtEnable }}
- name: envoy.filters.http.jwt_authn
  providers:
  {{- range $i, $p := .Values.sidecars.envoy.jwt.providers }}
    p{{ $i }}:
      issuer: {{ $p.issuer | quote }}
      cluster: {{ $p.cluster }}
  {{- end }}
{{- end }}
{{- end }}
{{- define "envoy.clusters" -}}
clusters:
- name: ui
  {{- with .Values.sidecars.envoy.maxRequests }}
  circuit_breakers: {thresholds: [{max_requests: {{ . }}}]}
  {{- else }}
  # no circuit breaker
  {{- end }}
{{- end }}
