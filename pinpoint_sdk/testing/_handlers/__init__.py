"""The handler registry: which function answers which Pinpoint operation, in one table.

Each resource module (``apps``, ``campaigns``...) holds plain functions taking a
:class:`~pinpoint_sdk.testing._handlers._context.Call`; nothing registers itself on import.
Adding a handler is writing its function and adding its row to :data:`HANDLERS` below. An
operation of botocore's model without a row answers 501, naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from . import (
    apps,
    campaigns,
    channels,
    endpoints,
    event_streams,
    jobs,
    journeys,
    messages,
    metrics,
    phone_numbers,
    recommenders,
    segments,
    tags,
    templates,
)
from ._context import Call, JsonDict

Handler = Callable[[Call], "JsonDict | None"]

#: Operation name → the function that answers it.
HANDLERS: Mapping[str, Handler] = {
    # apps.py
    "CreateApp": apps.create_app,
    "DeleteApp": apps.delete_app,
    "GetApp": apps.get_app,
    "GetApplicationSettings": apps.get_application_settings,
    "GetApps": apps.get_apps,
    "UpdateApplicationSettings": apps.update_application_settings,
    # campaigns.py
    "CreateCampaign": campaigns.create_campaign,
    "DeleteCampaign": campaigns.delete_campaign,
    "GetCampaign": campaigns.get_campaign,
    "GetCampaignActivities": campaigns.get_campaign_activities,
    "GetCampaignVersion": campaigns.get_campaign_version,
    "GetCampaignVersions": campaigns.get_campaign_versions,
    "GetCampaigns": campaigns.get_campaigns,
    "UpdateCampaign": campaigns.update_campaign,
    # channels.py
    "DeleteAdmChannel": channels.delete_channel,
    "DeleteApnsChannel": channels.delete_channel,
    "DeleteApnsSandboxChannel": channels.delete_channel,
    "DeleteApnsVoipChannel": channels.delete_channel,
    "DeleteApnsVoipSandboxChannel": channels.delete_channel,
    "DeleteBaiduChannel": channels.delete_channel,
    "DeleteEmailChannel": channels.delete_channel,
    "DeleteGcmChannel": channels.delete_channel,
    "DeleteSmsChannel": channels.delete_channel,
    "DeleteVoiceChannel": channels.delete_channel,
    "GetAdmChannel": channels.get_channel,
    "GetApnsChannel": channels.get_channel,
    "GetApnsSandboxChannel": channels.get_channel,
    "GetApnsVoipChannel": channels.get_channel,
    "GetApnsVoipSandboxChannel": channels.get_channel,
    "GetBaiduChannel": channels.get_channel,
    "GetChannels": channels.get_channels,
    "GetEmailChannel": channels.get_channel,
    "GetGcmChannel": channels.get_channel,
    "GetSmsChannel": channels.get_channel,
    "GetVoiceChannel": channels.get_channel,
    "UpdateAdmChannel": channels.update_channel,
    "UpdateApnsChannel": channels.update_channel,
    "UpdateApnsSandboxChannel": channels.update_channel,
    "UpdateApnsVoipChannel": channels.update_channel,
    "UpdateApnsVoipSandboxChannel": channels.update_channel,
    "UpdateBaiduChannel": channels.update_channel,
    "UpdateEmailChannel": channels.update_channel,
    "UpdateGcmChannel": channels.update_channel,
    "UpdateSmsChannel": channels.update_channel,
    "UpdateVoiceChannel": channels.update_channel,
    # endpoints.py
    "DeleteEndpoint": endpoints.delete_endpoint,
    "DeleteUserEndpoints": endpoints.delete_user_endpoints,
    "GetEndpoint": endpoints.get_endpoint,
    "GetUserEndpoints": endpoints.get_user_endpoints,
    "PutEvents": endpoints.put_events,
    "RemoveAttributes": endpoints.remove_attributes,
    "UpdateEndpoint": endpoints.update_endpoint,
    "UpdateEndpointsBatch": endpoints.update_endpoints_batch,
    # event_streams.py
    "DeleteEventStream": event_streams.delete_event_stream,
    "GetEventStream": event_streams.get_event_stream,
    "PutEventStream": event_streams.put_event_stream,
    # jobs.py
    "CreateExportJob": jobs.create_export_job,
    "CreateImportJob": jobs.create_import_job,
    "GetExportJob": jobs.get_export_job,
    "GetExportJobs": jobs.get_export_jobs,
    "GetImportJob": jobs.get_import_job,
    "GetImportJobs": jobs.get_import_jobs,
    "GetSegmentExportJobs": jobs.get_segment_export_jobs,
    "GetSegmentImportJobs": jobs.get_segment_import_jobs,
    # journeys.py
    "CreateJourney": journeys.create_journey,
    "DeleteJourney": journeys.delete_journey,
    "GetJourney": journeys.get_journey,
    "GetJourneyRuns": journeys.get_journey_runs,
    "ListJourneys": journeys.list_journeys,
    "UpdateJourney": journeys.update_journey,
    "UpdateJourneyState": journeys.update_journey_state,
    # messages.py
    "SendMessages": messages.send_messages,
    "SendOTPMessage": messages.send_otp_message,
    "SendUsersMessages": messages.send_users_messages,
    "VerifyOTPMessage": messages.verify_otp_message,
    # metrics.py
    "GetApplicationDateRangeKpi": metrics.get_application_date_range_kpi,
    "GetCampaignDateRangeKpi": metrics.get_campaign_date_range_kpi,
    "GetInAppMessages": metrics.get_in_app_messages,
    "GetJourneyDateRangeKpi": metrics.get_journey_date_range_kpi,
    "GetJourneyExecutionActivityMetrics": metrics.get_journey_execution_activity_metrics,
    "GetJourneyExecutionMetrics": metrics.get_journey_execution_metrics,
    "GetJourneyRunExecutionActivityMetrics": metrics.get_journey_run_execution_activity_metrics,
    "GetJourneyRunExecutionMetrics": metrics.get_journey_run_execution_metrics,
    # phone_numbers.py
    "PhoneNumberValidate": phone_numbers.phone_number_validate,
    # recommenders.py
    "CreateRecommenderConfiguration": recommenders.create_recommender_configuration,
    "DeleteRecommenderConfiguration": recommenders.delete_recommender_configuration,
    "GetRecommenderConfiguration": recommenders.get_recommender_configuration,
    "GetRecommenderConfigurations": recommenders.get_recommender_configurations,
    "UpdateRecommenderConfiguration": recommenders.update_recommender_configuration,
    # segments.py
    "CreateSegment": segments.create_segment,
    "DeleteSegment": segments.delete_segment,
    "GetSegment": segments.get_segment,
    "GetSegmentVersion": segments.get_segment_version,
    "GetSegmentVersions": segments.get_segment_versions,
    "GetSegments": segments.get_segments,
    "UpdateSegment": segments.update_segment,
    # tags.py
    "ListTagsForResource": tags.list_tags_for_resource,
    "TagResource": tags.tag_resource,
    "UntagResource": tags.untag_resource,
    # templates.py
    "CreateEmailTemplate": templates.create_template,
    "CreateInAppTemplate": templates.create_template,
    "CreatePushTemplate": templates.create_template,
    "CreateSmsTemplate": templates.create_template,
    "CreateVoiceTemplate": templates.create_template,
    "DeleteEmailTemplate": templates.delete_template,
    "DeleteInAppTemplate": templates.delete_template,
    "DeletePushTemplate": templates.delete_template,
    "DeleteSmsTemplate": templates.delete_template,
    "DeleteVoiceTemplate": templates.delete_template,
    "GetEmailTemplate": templates.get_template,
    "GetInAppTemplate": templates.get_template,
    "GetPushTemplate": templates.get_template,
    "GetSmsTemplate": templates.get_template,
    "GetVoiceTemplate": templates.get_template,
    "ListTemplateVersions": templates.list_template_versions,
    "ListTemplates": templates.list_templates,
    "UpdateEmailTemplate": templates.update_template,
    "UpdateInAppTemplate": templates.update_template,
    "UpdatePushTemplate": templates.update_template,
    "UpdateSmsTemplate": templates.update_template,
    "UpdateTemplateActiveVersion": templates.update_template_active_version,
    "UpdateVoiceTemplate": templates.update_template,
}

__all__ = ["HANDLERS", "Call", "Handler"]
