export class GetCourseQuery {
  constructor(readonly courseId: string) {}
}
