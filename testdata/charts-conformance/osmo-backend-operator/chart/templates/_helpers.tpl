{{- define "backend-operator.name" -}}
{{- or .Values.global.name .Release.Name -}}
{{- end -}}
{{- define "backend-operator.workload" -}}
{{- $name := include "backend-operator.name" .root -}}
{{- $svc := .svc -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}-{{ $svc.serviceName }}
  namespace: {{ .root.Values.global.agentNamespace }}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: {{ $svc.serviceName }}
  template:
    metadata:
      labels:
        app: {{ $svc.serviceName }}
    spec:
      serviceAccountName: {{ $svc.serviceAccount }}
      tolerations:
        {{- toYaml .root.Values.global.tolerations | nindent 8 }}
      containers:
        - name: {{ $svc.imageName }}
          image: {{ .root.Values.global.osmoImageLocation }}/{{ $svc.imageName }}:{{ .root.Values.global.osmoImageTag }}
          args:
            - --backend
            - {{ .root.Values.global.backendName }}
            - --namespace
            - {{ .root.Values.global.backendNamespace }}
            {{- range $k, $v := .extraArgs }}
            - --{{ $k }}={{ $v }}
            {{- end }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
{{- end -}}
