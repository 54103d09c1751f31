{{- define "osmo.envoy-config" -}}
admin:
  address:
    socket_address: { address: 127.0.0.1, port_value: 9901 }
static_resources:
  listeners:
  - name: svc_listener
    address:
      socket_address: { address: 0.0.0.0, port_value: {{ .Values.sidecars.envoy.listenerPort }} }
    filter_chains:
    - filters:
      - name: envoy.filters.network.http_connection_manager
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
          stat_prefix: ingress_http
          route_config:
            virtual_hosts:
            - name: backend
              domains: ["*"]
              routes:
              - match: { prefix: "/" }
                route:
                  cluster: service
                  timeout: 0s
          http_filters:
          {{- if .Values.sidecars.envoy.jwt.enabled }}
          - name: envoy.filters.http.jwt_authn
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication
              providers:
              {{- range $i, $p := .Values.sidecars.envoy.jwt.providers }}
                provider_{{ $i }}:
                  issuer: {{ $p.issuer }}
                  audiences: [{{ $p.audience }}]
                  forward_payload_header: {{ $.Values.sidecars.envoy.jwt.user_header }}
                  remote_jwks:
                    http_uri:
                      uri: {{ $p.jwks_uri }}
                      cluster: {{ $p.cluster }}
                      timeout: 5s
              {{- else }} {}
              {{- end }}
              rules:
              {{- range .Values.sidecars.envoy.skipAuthPaths }}
              - match: { path: {{ . | quote }} }
              {{- end }}
          {{- end }}
          - name: envoy.filters.http.router
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
  clusters:
  - name: service
    connect_timeout: 3s
    circuit_breakers:
      thresholds:
      - max_requests: {{ .Values.sidecars.envoy.maxRequests }}
    load_assignment:
      cluster_name: service
      endpoints:
      - lb_endpoints:
        - endpoint:
            address:
              socket_address: { address: 127.0.0.1, port_value: 8000 }
{{- end }}
