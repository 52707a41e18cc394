"""Builds the export fixtures from real records in shared/data/cloudtrail (read only). Rerun: python3 make-fixtures.py DATA_DIR"""
import json, sys, os

data = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/cloudtrail'
def stratus(name):
    with open(os.path.join(data, 'stratus-red-team', name)) as f:
        return json.load(f)
def compact(record):
    return json.dumps(record, separators=(',', ':'))
def write(name, lines):
    with open(name, 'w') as f:
        f.write(''.join(line + '\n' for line in lines))
def space_time(t):  # 2022-09-27T17:09:18Z -> 2022-09-27 17:09:18
    return t.replace('T', ' ').rstrip('Z')

# CloudTrail Lake: aws cloudtrail get-query-results, for SELECT eventJson FROM <event data store> (CLI JSON, 4-space indent)
lake = stratus('aws.persistence.iam-create-admin-user.json')
with open('lake-get-query-results.json', 'w') as f:
    json.dump({"QueryStatus": "FINISHED",
               "QueryStatistics": {"ResultsCount": len(lake), "TotalResultsCount": len(lake), "BytesScanned": 104857},
               "QueryResultRows": [[{"eventJson": compact(r)}] for r in lake],
               "NextToken": "AAAAExampleNextToken"}, f, indent=4)
    f.write('\n')

# CloudTrail Lake rows as JSON lines (SELECT eventID, eventJson; saved one row object per line)
write('lake-rows.jsonl', [json.dumps({"eventID": r["eventID"], "eventJson": compact(r)})
                          for r in stratus('aws.persistence.iam-create-backdoor-role.json')])

# Splunk: `splunk search ... -output json` / REST export, one {"preview","offset","result"} per line; _raw is the record
splunk = stratus('aws.credential-access.secretsmanager-batch-retrieve-secrets.json')
lines = []
for i, r in enumerate(splunk[:3]):
    lines.append(json.dumps({"preview": False, "offset": i, "result": {
        "_raw": compact(r), "_time": space_time(r["eventTime"]) + ".000 UTC", "host": "splunk-hf-1",
        "index": "aws", "source": "s3://org-trail/AWSLogs/", "sourcetype": "aws:cloudtrail"}}))
# Splunk results saved with the fields at top level (no result wrapper)
for r in splunk[3:]:
    lines.append(json.dumps({"_raw": compact(r), "_time": space_time(r["eventTime"]) + ".000 UTC",
                             "sourcetype": "aws:cloudtrail"}))
write('splunk-export.jsonl', lines)

# Splunk HTTP Event Collector envelope: {"time", "host", "sourcetype", "event": {record}}
write('event-envelope.jsonl', [json.dumps({"time": 1700000000 + i, "host": "collector", "sourcetype": "aws:cloudtrail",
                                            "event": r})
                                for i, r in enumerate(stratus('aws.persistence.sts-federation-token.json'))])

# Elastic: search hits (elasticdump / _search), the record under _source with Logstash's @timestamp
write('elastic-hits.jsonl', [json.dumps({"_index": "cloudtrail-2024.06.01", "_id": "hit-%d" % i, "_score": 1.0,
                                          "_source": dict(r, **{"@timestamp": r["eventTime"], "@version": "1"})})
                             for i, r in enumerate(stratus('aws.lateral-movement.ec2-instance-connect.json'))])

# Logstash with the cloudtrail codec: the record's fields at top level, eventTime moved into @timestamp
logstash = []
for r in stratus('aws.persistence.rolesanywhere-create-trust-anchor.json'):
    fields = {k: v for k, v in r.items() if k != 'eventTime'}
    logstash.append(json.dumps(dict({"@timestamp": r["eventTime"].replace('Z', '.000Z'), "@version": "1",
                                     "type": "cloudtrail"}, **fields)))
write('logstash-codec.jsonl', logstash)

# Times as CSV/Athena-to-JSON exports write them: a space instead of T, no zone, or +00:00
times = stratus('aws.exfiltration.ec2-share-ami.json') + stratus('aws.exfiltration.rds-share-snapshot.json') \
    + stratus('aws.defense-evasion.cloudtrail-stop.json')
forms = [space_time, lambda t: t.rstrip('Z'), lambda t: t.replace('Z', '+00:00')]
write('export-times.jsonl', [compact(dict(r, eventTime=forms[i](r["eventTime"]))) for i, r in enumerate(times)])

# CloudTrail Insights events: the AWS CloudTrail user guide's example records (skipped, counted)
with open(os.path.join(data, 'aws-docs-examples', 'awsdocs_cloudtrail_user_guide_examples.jsonl')) as f:
    docs = [json.loads(line) for line in f if line.strip()]
write('insights.jsonl', [compact(d["event"]) for d in docs if d["event"].get("eventCategory") == "Insight"])

# Broken wrappers: a Splunk _raw cut short, a Lake eventJson that is not an object, a Lake row without eventJson
broken = stratus('aws.defense-evasion.dns-delete-logs.json')[0]
write('broken-wrappers.jsonl', [
    json.dumps({"preview": False, "offset": 0, "result": {"_raw": compact(broken)[:200], "sourcetype": "aws:cloudtrail"}}),
    json.dumps({"eventJson": "[\"not a record\"]"}),
    json.dumps([{"eventID": broken["eventID"]}]),
])

# A data event (S3 GetObject), in the shape of the AWS CloudTrail user guide's data event example, on the identity of
# a real record: no data event is among the shared records. Data events pass through like management events.
actor = stratus('aws.credential-access.secretsmanager-retrieve-secrets.json')[0]
write('data-events.jsonl', [compact({
    "eventVersion": "1.09", "userIdentity": actor["userIdentity"], "eventTime": actor["eventTime"],
    "eventSource": "s3.amazonaws.com", "eventName": "GetObject", "awsRegion": actor["awsRegion"],
    "sourceIPAddress": actor["sourceIPAddress"], "userAgent": actor["userAgent"],
    "requestParameters": {"bucketName": "example-bucket", "Host": "example-bucket.s3.amazonaws.com", "key": "report.csv"},
    "responseElements": None, "additionalEventData": {"bytesTransferredIn": 0, "bytesTransferredOut": 1024},
    "requestID": "EXAMPLE123456789", "eventID": "data-" + actor["eventID"], "readOnly": True,
    "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::example-bucket/report.csv"},
                  {"accountId": actor["recipientAccountId"], "type": "AWS::S3::Bucket",
                   "ARN": "arn:aws:s3:::example-bucket"}],
    "eventType": "AwsApiCall", "managementEvent": False, "recipientAccountId": actor["recipientAccountId"],
    "eventCategory": "Data"})])
