/**
 * Every SMTP reply code and enhanced status code (RFC 5321, RFC 3463, IANA), with lookups,
 * reply parsing and bounce classification: the TypeScript port of the `smtp-codes` Rust
 * crate, from the same registry and giving the same answers.
 *
 * ```ts
 * import { classify, EnhancedCode, Reply, ReplyCode } from "smtp-codes";
 *
 * const reply = Reply.parse("550 5.1.1 <bob@example.com> User unknown");
 * reply.code === ReplyCode.MAILBOX_UNAVAILABLE; // true
 * const c = classify(reply);
 * [c.reason.id, c.bounce, c.side]; // ["unknown_user", "hard", "recipient"]
 * EnhancedCode.parse("5.1.1").info()?.sample_text; // "Bad destination mailbox address"
 * ```
 *
 * (Hand-written; the data is generated into `tables/`.)
 * @module
 */

export {
  allEnhancedInfos,
  allReplyInfos,
  category,
  classTitle,
  EnhancedCode,
  EnhancedCodeError,
  EnhancedCodes,
  enhancedCodeErrorMessage,
  enhancedInfo,
  parseReplyCode,
  ReplyCode,
  ReplyCodeError,
  replyCodeErrorMessage,
  replyInfo,
  severity,
  subjectTitle,
  troubleshooting,
} from "./codes.js";
export type {
  Category,
  EnhancedClass,
  EnhancedCodeErrorKind,
  EnhancedInfo,
  KnownReplyCode,
  Part,
  ReplyCodeErrorKind,
  ReplyInfo,
  Severity,
  Troubleshooting,
} from "./codes.js";
export { Line, Reply, RFC_MAX_LINE } from "./reply.js";
export type { EnhancedState, ParseOptions, Separator, Terminator } from "./reply.js";
export { isFatal, ReplyError, replyErrorKindMessage } from "./reply-error.js";
export type { ReplyErrorKind } from "./reply-error.js";
export { ReplyWriter, WriteError } from "./write.js";
export type { ReplyContext, WriteErrorKind } from "./write.js";
export {
  allReasons,
  classify,
  classifyText,
  Classifier,
  containsPhrase,
  describeDecidedBy,
  outcomeOf,
  reason,
  retryOf,
  RULES_BUILT_IN,
} from "./classify.js";
export type { Bounce, Classification, DecidedBy, Outcome, Reason, RetryAdvice, Rule, Side } from "./classify.js";
export { allCommands, contextRuleReason, describeContextRule, parseCommand } from "./context.js";
export type { Command, Context, ContextRule } from "./context.js";
export { durationString, RETRY_DEFAULT_PERMANENT, RETRY_DEFAULT_TRANSIENT } from "./retry.js";
export type { PolicySource, Retry, RetryPolicy, RetryPolicyInit } from "./retry.js";
export { TEXT_CAPACITY } from "./match-text.js";
export {
  allVendors,
  bestVendorMatch,
  codesMatch,
  isTextMatch,
  matchKindRank,
  vendorBySlug,
  vendorEntries,
  vendorMatches,
  vendorMatchKind,
  vendorOfHost,
  vendorServesHost,
} from "./vendor.js";
export type { MatchKind, Vendor, VendorEntry } from "./vendor.js";
export { explain, explainText } from "./explain.js";
export type { Explanation } from "./explain.js";
export { IANA_UPDATED, PACKAGE_VERSION, REGISTRY_VERSION, SITE_URL } from "./tables/registry.js";
