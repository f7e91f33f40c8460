import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';
import { councilMeetingDecider, HoldCouncilMeeting } from './council-meeting.decider';

const meeting: HoldCouncilMeeting = {
  type: 'HoldCouncilMeeting',
  meetingId: '2f0c9a57-1b3e-4c8d-9e6f-7a5b4c3d2e1f',
  centerId: 'center-naju',
  heldOn: '2024-04-18',
  title: ' 여성일자리 실무협의체 회의 ',
  attendees: ['나주시 여성친화팀', ' 광주고용복지플러스센터 ', '나주시 여성친화팀', ''],
  today: '2024-05-31',
};

const { when, refusal } = deciderSpec(councilMeetingDecider, { checkEvent: assertMatchesContract });

describe('council meeting decider', () => {
  it('given nothing recorded, when a meeting was held, then CouncilMeetingHeld carries the trimmed title and each attendee once', () => {
    expect(when(meeting)).toEqual([
      {
        type: 'CouncilMeetingHeld',
        data: { meetingId: meeting.meetingId, centerId: 'center-naju', heldOn: '2024-04-18', title: '여성일자리 실무협의체 회의', attendees: ['나주시 여성친화팀', '광주고용복지플러스센터'] },
      },
    ]);
  });

  it('leaves attendees out when none are named', () => {
    expect(when({ ...meeting, attendees: undefined })[0].data).not.toHaveProperty('attendees');
    expect(when({ ...meeting, attendees: ['  '] })[0].data).not.toHaveProperty('attendees');
  });

  it('refuses a future date, a blank title and recording the meeting twice', () => {
    expect(refusal({ ...meeting, heldOn: '2024-06-01' }).code).toBe('DATE_IN_FUTURE');
    expect(refusal({ ...meeting, title: '   ' }).code).toBe('TITLE_REQUIRED');
    expect(refusal(meeting, when(meeting)).code).toBe('COUNCIL_MEETING_ALREADY_RECORDED');
  });
});
