"""Hook: ``generate: qa-index`` lists every question by topic."""
from handbook import generated, qa


@generated.register("qa-index")
def qa_index(request: generated.Request) -> str:
    return qa.topic_index(qa.topics(request.sources, request.lang), request.lang, request.source.base_uri)
