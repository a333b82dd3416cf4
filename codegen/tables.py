"""The help botocore's model needs, kept as small commented tables.

Everything here is a fact the model does not carry: which fields hold secrets, how the 122
operations group into resources, which POST operations are safe to retry. The generator
checks every table against the model, so a stale entry fails ``python -m codegen``.
"""

from __future__ import annotations

#: Fields whose values are credentials or one-time passwords. botocore marks none of them as
#: sensitive; we hide them from ``repr()``/``str()`` and from validation errors, and still send
#: them intact. Keyed by (shape, member).
SECRET_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("ADMChannelRequest", "ClientSecret"),
        ("APNSChannelRequest", "Certificate"),
        ("APNSChannelRequest", "PrivateKey"),
        ("APNSChannelRequest", "TokenKey"),
        ("APNSSandboxChannelRequest", "Certificate"),
        ("APNSSandboxChannelRequest", "PrivateKey"),
        ("APNSSandboxChannelRequest", "TokenKey"),
        ("APNSVoipChannelRequest", "Certificate"),
        ("APNSVoipChannelRequest", "PrivateKey"),
        ("APNSVoipChannelRequest", "TokenKey"),
        ("APNSVoipSandboxChannelRequest", "Certificate"),
        ("APNSVoipSandboxChannelRequest", "PrivateKey"),
        ("APNSVoipSandboxChannelRequest", "TokenKey"),
        ("BaiduChannelRequest", "ApiKey"),
        ("BaiduChannelRequest", "SecretKey"),
        ("BaiduChannelResponse", "Credential"),
        ("GCMChannelRequest", "ApiKey"),
        ("GCMChannelRequest", "ServiceJson"),
        ("GCMChannelResponse", "Credential"),
        ("VerifyOTPMessageRequestParameters", "Otp"),
    }
)

#: POST operations that are safe to repeat: tagging, validating a number and replacing the
#: event stream leave the same state however often they run. Every other POST creates or
#: sends something, so it is retried only when the request certainly did not take effect.
IDEMPOTENT_POSTS: frozenset[str] = frozenset(
    {"TagResource", "PhoneNumberValidate", "PutEventStream"}
)

#: Operation -> "resource.method" (nested resources as "templates.email.create").
#: Every operation of the model appears exactly once; the generator refuses to run otherwise.
RESOURCE_METHODS: dict[str, str] = {
    # apps
    "CreateApp": "apps.create",
    "DeleteApp": "apps.delete",
    "GetApp": "apps.get",
    "GetApps": "apps.list",
    "GetApplicationSettings": "apps.get_settings",
    "UpdateApplicationSettings": "apps.update_settings",
    # campaigns
    "CreateCampaign": "campaigns.create",
    "DeleteCampaign": "campaigns.delete",
    "GetCampaign": "campaigns.get",
    "GetCampaigns": "campaigns.list",
    "UpdateCampaign": "campaigns.update",
    "GetCampaignVersion": "campaigns.get_version",
    "GetCampaignVersions": "campaigns.list_versions",
    "GetCampaignActivities": "campaigns.list_activities",
    # segments
    "CreateSegment": "segments.create",
    "DeleteSegment": "segments.delete",
    "GetSegment": "segments.get",
    "GetSegments": "segments.list",
    "UpdateSegment": "segments.update",
    "GetSegmentVersion": "segments.get_version",
    "GetSegmentVersions": "segments.list_versions",
    "GetSegmentExportJobs": "segments.list_export_jobs",
    "GetSegmentImportJobs": "segments.list_import_jobs",
    # journeys
    "CreateJourney": "journeys.create",
    "DeleteJourney": "journeys.delete",
    "GetJourney": "journeys.get",
    "ListJourneys": "journeys.list",
    "UpdateJourney": "journeys.update",
    "UpdateJourneyState": "journeys.update_state",
    "GetJourneyRuns": "journeys.list_runs",
    "GetJourneyExecutionMetrics": "journeys.get_execution_metrics",
    "GetJourneyExecutionActivityMetrics": "journeys.get_activity_execution_metrics",
    "GetJourneyRunExecutionMetrics": "journeys.get_run_execution_metrics",
    "GetJourneyRunExecutionActivityMetrics": "journeys.get_run_activity_execution_metrics",
    # templates
    "ListTemplates": "templates.list",
    "ListTemplateVersions": "templates.list_versions",
    "UpdateTemplateActiveVersion": "templates.update_active_version",
    "CreateEmailTemplate": "templates.email.create",
    "GetEmailTemplate": "templates.email.get",
    "UpdateEmailTemplate": "templates.email.update",
    "DeleteEmailTemplate": "templates.email.delete",
    "CreateSmsTemplate": "templates.sms.create",
    "GetSmsTemplate": "templates.sms.get",
    "UpdateSmsTemplate": "templates.sms.update",
    "DeleteSmsTemplate": "templates.sms.delete",
    "CreatePushTemplate": "templates.push.create",
    "GetPushTemplate": "templates.push.get",
    "UpdatePushTemplate": "templates.push.update",
    "DeletePushTemplate": "templates.push.delete",
    "CreateVoiceTemplate": "templates.voice.create",
    "GetVoiceTemplate": "templates.voice.get",
    "UpdateVoiceTemplate": "templates.voice.update",
    "DeleteVoiceTemplate": "templates.voice.delete",
    "CreateInAppTemplate": "templates.in_app.create",
    "GetInAppTemplate": "templates.in_app.get",
    "UpdateInAppTemplate": "templates.in_app.update",
    "DeleteInAppTemplate": "templates.in_app.delete",
    # channels
    "GetChannels": "channels.list",
    "GetAdmChannel": "channels.adm.get",
    "UpdateAdmChannel": "channels.adm.update",
    "DeleteAdmChannel": "channels.adm.delete",
    "GetApnsChannel": "channels.apns.get",
    "UpdateApnsChannel": "channels.apns.update",
    "DeleteApnsChannel": "channels.apns.delete",
    "GetApnsSandboxChannel": "channels.apns_sandbox.get",
    "UpdateApnsSandboxChannel": "channels.apns_sandbox.update",
    "DeleteApnsSandboxChannel": "channels.apns_sandbox.delete",
    "GetApnsVoipChannel": "channels.apns_voip.get",
    "UpdateApnsVoipChannel": "channels.apns_voip.update",
    "DeleteApnsVoipChannel": "channels.apns_voip.delete",
    "GetApnsVoipSandboxChannel": "channels.apns_voip_sandbox.get",
    "UpdateApnsVoipSandboxChannel": "channels.apns_voip_sandbox.update",
    "DeleteApnsVoipSandboxChannel": "channels.apns_voip_sandbox.delete",
    "GetBaiduChannel": "channels.baidu.get",
    "UpdateBaiduChannel": "channels.baidu.update",
    "DeleteBaiduChannel": "channels.baidu.delete",
    "GetEmailChannel": "channels.email.get",
    "UpdateEmailChannel": "channels.email.update",
    "DeleteEmailChannel": "channels.email.delete",
    "GetGcmChannel": "channels.gcm.get",
    "UpdateGcmChannel": "channels.gcm.update",
    "DeleteGcmChannel": "channels.gcm.delete",
    "GetSmsChannel": "channels.sms.get",
    "UpdateSmsChannel": "channels.sms.update",
    "DeleteSmsChannel": "channels.sms.delete",
    "GetVoiceChannel": "channels.voice.get",
    "UpdateVoiceChannel": "channels.voice.update",
    "DeleteVoiceChannel": "channels.voice.delete",
    # endpoints and users
    "GetEndpoint": "endpoints.get",
    "UpdateEndpoint": "endpoints.update",
    "DeleteEndpoint": "endpoints.delete",
    "UpdateEndpointsBatch": "endpoints.update_batch",
    "RemoveAttributes": "endpoints.remove_attributes",
    "GetUserEndpoints": "users.get_endpoints",
    "DeleteUserEndpoints": "users.delete_endpoints",
    # events and event streams
    "PutEvents": "events.put",
    "GetEventStream": "event_streams.get",
    "PutEventStream": "event_streams.put",
    "DeleteEventStream": "event_streams.delete",
    # messages
    "SendMessages": "messages.send",
    "SendUsersMessages": "messages.send_to_users",
    "SendOTPMessage": "messages.send_otp",
    "VerifyOTPMessage": "messages.verify_otp",
    # import and export jobs
    "CreateExportJob": "jobs.create_export",
    "CreateImportJob": "jobs.create_import",
    "GetExportJob": "jobs.get_export",
    "GetImportJob": "jobs.get_import",
    "GetExportJobs": "jobs.list_exports",
    "GetImportJobs": "jobs.list_imports",
    # recommender configurations
    "CreateRecommenderConfiguration": "recommenders.create",
    "DeleteRecommenderConfiguration": "recommenders.delete",
    "GetRecommenderConfiguration": "recommenders.get",
    "GetRecommenderConfigurations": "recommenders.list",
    "UpdateRecommenderConfiguration": "recommenders.update",
    # KPIs (the rows of a date-range KPI page like a listing)
    "GetApplicationDateRangeKpi": "kpis.list_application_rows",
    "GetCampaignDateRangeKpi": "kpis.list_campaign_rows",
    "GetJourneyDateRangeKpi": "kpis.list_journey_rows",
    # tags
    "ListTagsForResource": "tags.list",
    "TagResource": "tags.add",
    "UntagResource": "tags.remove",
    # the rest
    "PhoneNumberValidate": "phone_numbers.validate",
    "GetInAppMessages": "in_app_messages.get",
}

#: Docstrings for the resource classes, keyed by their dotted path.
RESOURCE_DOCS: dict[str, str] = {
    "apps": "Applications (projects) and their settings.",
    "campaigns": "Campaigns, their versions and their activities.",
    "segments": "Segments, their versions and their import and export jobs.",
    "journeys": "Journeys, their state, runs and execution metrics.",
    "templates": "Message templates of every kind and their versions.",
    "templates.email": "Email message templates.",
    "templates.sms": "SMS message templates.",
    "templates.push": "Push notification templates.",
    "templates.voice": "Voice message templates.",
    "templates.in_app": "In-app message templates.",
    "channels": "The channels of an application, one attribute per channel kind.",
    "channels.adm": "The ADM (Amazon Device Messaging) channel.",
    "channels.apns": "The APNs (Apple Push Notification service) channel.",
    "channels.apns_sandbox": "The APNs sandbox channel.",
    "channels.apns_voip": "The APNs VoIP channel.",
    "channels.apns_voip_sandbox": "The APNs VoIP sandbox channel.",
    "channels.baidu": "The Baidu Cloud Push channel.",
    "channels.email": "The email channel.",
    "channels.gcm": "The GCM / Firebase Cloud Messaging channel.",
    "channels.sms": "The SMS channel.",
    "channels.voice": "The voice channel.",
    "endpoints": "Endpoints: create or update, read, delete, in batches, and attribute removal.",
    "users": "The endpoints that belong to a user.",
    "events": "Events recorded for endpoints.",
    "event_streams": "The event stream of an application.",
    "messages": "Direct messages, user messages and one-time passwords.",
    "jobs": "Import and export jobs of an application.",
    "recommenders": "Recommender model configurations.",
    "kpis": "Date-range key performance indicators, paged by rows.",
    "tags": "Tags of any Pinpoint resource.",
    "phone_numbers": "Phone number validation.",
    "in_app_messages": "In-app messages for an endpoint.",
}

#: When each error shape of the model is raised, for its exception's docstring: a summary,
#: then what it means for the caller. The model documents all eight with one generic
#: sentence ("Provides information about an API request or response."), which says nothing
#: of when. The generator refuses an error shape without an entry, and an entry without one.
SERVICE_ERRORS: dict[str, tuple[str, str]] = {
    "BadRequestException": (
        "The service refused the request as invalid (HTTP 400).",
        "A parameter is missing, malformed or out of range, or the combination is one it does "
        "not accept; the message says which. Not retried: the same request fails the same way.",
    ),
    "ForbiddenException": (
        "The service denied the request (HTTP 403).",
        "The credentials' policy does not allow the action on this resource, or the resource "
        "belongs to another account. Not retried.",
    ),
    "NotFoundException": (
        "The resource does not exist, or no longer does (HTTP 404).",
        "An application, campaign, segment, journey, template, endpoint or job the service "
        "does not know in this region. Not retried.",
    ),
    "MethodNotAllowedException": (
        "The resource does not allow this operation (HTTP 405).",
        "Not retried.",
    ),
    "ConflictException": (
        "The request conflicts with the resource's current state (HTTP 409).",
        "For example another change of the same resource in flight. Not retried.",
    ),
    "PayloadTooLargeException": (
        "The request body is larger than the service accepts (HTTP 413).",
        "Send fewer items per request. Not retried.",
    ),
    "TooManyRequestsException": (
        "The service throttled the request: too many in a short time (HTTP 429).",
        "The service did not act on it, so every operation, sends included, is retried after "
        "a backoff (or the server's ``Retry-After``); this is raised once the retries or the "
        "client's retry budget run out.",
    ),
    "InternalServerErrorException": (
        "The service failed on its side (HTTP 500).",
        "Idempotent operations are retried; a create or a send is not, since the service may "
        "have acted on it before failing.",
    ),
}
