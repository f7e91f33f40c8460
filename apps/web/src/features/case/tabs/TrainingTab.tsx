import { Alert, Button, Card, Descriptions, Empty, Input, List, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError, unwrap } from '../../../api/errors';
import { koreanDate, today } from '../../../components/format';
import { caseCommandInvalidates, caseKeys, courseQuery, type Course } from '../api';
import type { CaseForm } from '../case-search';
import { RecordForm } from '../../../components/RecordForm';
import { FormPicker } from '../forms/FormPicker';
import { ChoiceField, DateField, NotesField, RadioField, TextField } from '../forms/fields';
import { DROPOUT_REASONS } from '../terms';
import { entriesOf, TRAINING_EVENTS } from '../timeline-facts';
import type { CaseTabProps } from './tab-props';

const TRAINING_FORMS: { form: CaseForm; label: string }[] = [
  { form: 'enroll', label: '수강 등록' },
  { form: 'attendance', label: '출결' },
  { form: 'completion', label: '수료' },
  { form: 'certificate', label: '자격증 취득' },
  { form: 'dropout', label: '중도탈락' },
];

/**
 * 직업훈련: what happened in her training (from her timeline), the course she is in, and its five
 * forms. The API has no list of her courses or of the center's yet: the course is chosen by its
 * 과정 번호 (kept in the URL).
 */
export default function TrainingTab({ clientId, search, setSearch, timeline, summary }: CaseTabProps) {
  const courseId = search.courseId ?? '';
  const course = useQuery(courseQuery(courseId));
  const history = entriesOf(timeline, TRAINING_EVENTS);
  const close = () => setSearch({ tab: 'training', courseId: search.courseId });
  return (
    <Card>
      <h2 className="saeil-card-title">직업교육훈련</h2>
      <CoursePicker
        courseId={courseId}
        onPick={(id) => setSearch({ ...search, tab: 'training', courseId: id || undefined })}
      />
      {courseId &&
        (course.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : course.isError ? (
          <Alert type="error" showIcon title={describeError(course.error)} />
        ) : (
          <CourseView course={course.data} />
        ))}
      <FormPicker
        label="훈련 기록하기"
        forms={TRAINING_FORMS.map((f) => ({ ...f, disabled: !course.data || summary.status === 'closed' }))}
        search={search}
        setSearch={setSearch}
      />
      {!course.data && (
        <Typography.Paragraph type="secondary">
          과정 번호를 넣고 ‘과정 확인’을 누르면 수강 등록·출결·수료·자격증·중도탈락을 기록할 수 있습니다.
        </Typography.Paragraph>
      )}
      {course.data && search.form && TRAINING_FORMS.some((f) => f.form === search.form) && (
        <TrainingForm form={search.form} clientId={clientId} course={course.data} close={close} />
      )}
      <h3 className="saeil-group-title">훈련 이력</h3>
      {history.length === 0 ? (
        <Empty description="훈련 기록이 없습니다." />
      ) : (
        <List
          size="small"
          dataSource={history}
          renderItem={(e) => <List.Item>{`${koreanDate(e.occurredAt)} ${e.summary}`}</List.Item>}
        />
      )}
    </Card>
  );
}

function CoursePicker({ courseId, onPick }: { courseId: string; onPick: (id: string) => void }) {
  const [text, setText] = useState(courseId);
  return (
    <Space.Compact style={{ maxWidth: 480, width: '100%', margin: '8px 0' }}>
      <Input
        aria-label="과정 번호"
        placeholder="과정 번호 (예: 과정 개설 때 받은 번호)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
          e.preventDefault();
          onPick(text.trim());
        }}
      />
      <Button onClick={() => onPick(text.trim())}>과정 확인</Button>
    </Space.Compact>
  );
}

function CourseView({ course }: { course: Course }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      style={{ marginBottom: 8 }}
      items={[
        { key: 'title', label: '과정', children: `${course.title} (${course.field})` },
        { key: 'provider', label: '훈련기관', children: course.provider },
        {
          key: 'dates',
          label: '기간',
          children: `${koreanDate(course.startsOn)} ~ ${koreanDate(course.endsOn)} (${course.hours}시간)`,
        },
        {
          key: 'seats',
          label: '정원',
          children: `${course.capacity}명 중 ${course.enrolled}명 (남은 자리 ${course.remainingCapacity})`,
        },
      ]}
    />
  );
}

function TrainingForm({
  form,
  clientId,
  course,
  close,
}: {
  form: CaseForm;
  clientId: string;
  course: Course;
  close: () => void;
}) {
  const courseId = course.courseId;
  const invalidates = [...caseCommandInvalidates(clientId), caseKeys.course(courseId)];
  const path = { courseId };
  const common = { invalidates, onCancel: close };
  switch (form) {
    case 'enroll':
      return (
        <RecordForm<{ enrolledOn: string }, { position?: number }>
          inCase
          {...common}
          id="training-enroll"
          title={`수강 등록: ${course.title}`}
          initialValues={{ enrolledOn: today() }}
          send={async (v, key) =>
            unwrap(
              await api.POST('/courses/{courseId}/enrollments', {
                params: { path, header: { 'Idempotency-Key': key } },
                body: { clientId, ...v },
              }),
            )
          }
          saved={() => `${course.title} 수강 등록을 기록했습니다.`}
          onSaved={close}
        >
          <DateField name="enrolledOn" label="등록일" />
        </RecordForm>
      );
    case 'attendance':
      return (
        <RecordForm<{ date: string; present: boolean }, { position?: number }>
          inCase
          {...common}
          id="training-attendance"
          title={`출결: ${course.title}`}
          initialValues={{ date: today(), present: true }}
          send={async (v, key) =>
            unwrap(
              await api.POST('/courses/{courseId}/attendance', {
                params: { path, header: { 'Idempotency-Key': key } },
                body: { clientId, ...v },
              }),
            )
          }
          saved={(_, v) => `${koreanDate(v.date)} ${v.present ? '출석' : '결석'}을 기록했습니다.`}
        >
          <DateField name="date" label="훈련일" />
          <RadioField
            name="present"
            label="출결"
            options={[
              { value: true, label: '출석' },
              { value: false, label: '결석' },
            ]}
          />
        </RecordForm>
      );
    case 'completion':
      return (
        <RecordForm<{ completedOn: string }, { position?: number }>
          inCase
          {...common}
          id="training-completion"
          title={`수료: ${course.title}`}
          initialValues={{ completedOn: today() }}
          send={async (v, key) =>
            unwrap(
              await api.POST('/courses/{courseId}/completions', {
                params: { path, header: { 'Idempotency-Key': key } },
                body: { clientId, ...v },
              }),
            )
          }
          saved={() => `${course.title} 수료를 기록했습니다.`}
          onSaved={close}
        >
          <DateField name="completedOn" label="수료일" />
        </RecordForm>
      );
    case 'certificate':
      return (
        <RecordForm<{ certificate: string; obtainedOn: string }, { position?: number }>
          inCase
          {...common}
          id="training-certificate"
          title={`자격증 취득: ${course.title}`}
          initialValues={{ obtainedOn: today() }}
          send={async (v, key) =>
            unwrap(
              await api.POST('/courses/{courseId}/certificates', {
                params: { path, header: { 'Idempotency-Key': key } },
                body: { clientId, ...v },
              }),
            )
          }
          saved={(_, v) => `자격증(${v.certificate}) 취득을 기록했습니다.`}
          onSaved={close}
        >
          <TextField name="certificate" label="자격증 명칭" placeholder={course.field} />
          <DateField name="obtainedOn" label="취득일" />
        </RecordForm>
      );
    case 'dropout':
      return (
        <RecordForm<{ droppedOn: string; reason: keyof typeof DROPOUT_REASONS; note?: string }, { position?: number }>
          inCase
          {...common}
          id="training-dropout"
          title={`중도탈락: ${course.title}`}
          initialValues={{ droppedOn: today() }}
          send={async (v, key) =>
            unwrap(
              await api.POST('/courses/{courseId}/dropouts', {
                params: { path, header: { 'Idempotency-Key': key } },
                body: { clientId, ...v },
              }),
            )
          }
          saved={() => `${course.title} 중도탈락을 기록했습니다.`}
          onSaved={close}
        >
          <DateField name="droppedOn" label="탈락일" />
          <ChoiceField name="reason" label="사유" labels={DROPOUT_REASONS} />
          <NotesField name="note" label="메모" rows={2} />
        </RecordForm>
      );
    default:
      return null;
  }
}
