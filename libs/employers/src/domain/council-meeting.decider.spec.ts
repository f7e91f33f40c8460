import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { deciderSpec } from '../../../../tests/support/decider-spec';
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

const { given, when } = deciderSpec(councilMeetingDecider, { checkEvent: assertMatchesContract });

describe('council meeting decider', () => {
  it('given nothing recorded, when a meeting was held, then CouncilMeetingHeld carries the trimmed title and each attendee once', () => {
    when(meeting).then([
      {
        type: 'CouncilMeetingHeld',
        data: {
          meetingId: meeting.meetingId,
          centerId: 'center-naju',
          heldOn: '2024-04-18',
          title: '여성일자리 실무협의체 회의',
          attendees: ['나주시 여성친화팀', '광주고용복지플러스센터'],
        },
      },
    ]);
  });

  it('leaves attendees out when none are named', () => {
    expect(when({ ...meeting, attendees: undefined }).events()[0].data).not.toHaveProperty('attendees');
    expect(when({ ...meeting, attendees: ['  '] }).events()[0].data).not.toHaveProperty('attendees');
  });

  it('refuses a future date, a blank title and recording the meeting twice', () => {
    when({ ...meeting, heldOn: '2024-06-01' }).thenRefuses('DATE_IN_FUTURE');
    when({ ...meeting, title: '   ' }).thenRefuses('TITLE_REQUIRED');
    given(...when(meeting).events())
      .when(meeting)
      .thenRefuses('COUNCIL_MEETING_ALREADY_RECORDED');
  });
});
